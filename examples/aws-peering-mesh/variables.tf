variable "access_cidr" {
  description = "The only CIDR allowed to reach the controllers' API (TCP 8000), e.g. your workstation's address /32."
  type        = string

  validation {
    condition     = can(cidrhost(var.access_cidr, 0))
    error_message = "access_cidr must be a CIDR block such as 203.0.113.7/32."
  }
}

variable "aws_endpoint_url" {
  description = "Send every AWS API call to this URL instead of AWS (a local emulator such as moto). Empty for real AWS."
  type        = string
  default     = ""
}

variable "east_ami_id" {
  description = "VNS3 AMI in us-east-1. Empty: the newest marketplace image whose name matches vns3_ami_name_filter."
  type        = string
  default     = ""
}

variable "west_ami_id" {
  description = "VNS3 AMI in us-west-2. Empty: the newest marketplace image whose name matches vns3_ami_name_filter."
  type        = string
  default     = ""
}

variable "vns3_ami_name_filter" {
  description = "Name pattern of the VNS3 marketplace image, used when an *_ami_id is empty."
  type        = string
  default     = "vnscubed*"
}

variable "vns3_ami_owners" {
  description = "Owners searched for the VNS3 marketplace image, used when an *_ami_id is empty."
  type        = list(string)
  default     = ["aws-marketplace"]
}

variable "instance_type" {
  description = "EC2 instance type of every controller."
  type        = string
  default     = "t3.medium"
}

variable "key_name" {
  description = "EC2 key pair for the controllers, if any (VNS3 is managed through its API, not SSH)."
  type        = string
  default     = null
}

variable "east_vpc_cidr" {
  type    = string
  default = "10.0.1.0/24"
}

variable "east_subnet_cidrs" {
  type    = list(string)
  default = ["10.0.1.0/25", "10.0.1.128/25"]
}

variable "east_controller_private_ips" {
  description = "Fixed private IPs of the us-east-1 controllers, one per subnet."
  type        = list(string)
  default     = ["10.0.1.10", "10.0.1.140"]
}

variable "west_vpc_cidr" {
  type    = string
  default = "10.0.2.0/24"
}

variable "west_subnet_cidrs" {
  type    = list(string)
  default = ["10.0.2.0/25", "10.0.2.128/25"]
}

variable "west_controller_private_ips" {
  description = "Fixed private IPs of the us-west-2 controllers, one per subnet."
  type        = list(string)
  default     = ["10.0.2.10", "10.0.2.140"]
}

variable "peering_ports" {
  description = "UDP ports VNS3 controllers peer over; opened to the other VPC."
  type        = object({ from = number, to = number })
  default     = { from = 1195, to = 1203 }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = { Project = "meshctl-aws-peering-mesh" }
}
