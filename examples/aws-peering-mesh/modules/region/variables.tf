variable "name" {
  description = "Short name of the region's part of the mesh (east, west), used in resource names."
  type        = string
}

variable "vpc_cidr" {
  type = string
}

variable "subnet_cidrs" {
  description = "One subnet per controller."
  type        = list(string)
}

variable "controller_private_ips" {
  description = "One fixed private IP per subnet, in subnet order."
  type        = list(string)

  validation {
    condition     = length(var.controller_private_ips) > 0
    error_message = "At least one controller private IP is needed."
  }
}

variable "ami_id" {
  description = "VNS3 AMI; empty to look it up by ami_name_filter and ami_owners."
  type        = string
}

variable "ami_name_filter" {
  type = string
}

variable "ami_owners" {
  type = list(string)
}

variable "instance_type" {
  type = string
}

variable "key_name" {
  type    = string
  default = null
}

variable "access_cidr" {
  description = "The only CIDR allowed to reach the controllers' API."
  type        = string
}

variable "peer_vpc_cidr" {
  description = "The other VPC: its controllers may reach the peering ports."
  type        = string
}

variable "peering_ports" {
  type = object({ from = number, to = number })
}
