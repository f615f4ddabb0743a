# One region of the seed topology: a VPC with an internet gateway, one route table shared by its
# subnets, a security group, and one VNS3 controller per subnet with an Elastic IP.

data "aws_ami" "vns3" {
  count = var.ami_id == "" ? 1 : 0

  most_recent = true
  owners      = var.ami_owners

  filter {
    name   = "name"
    values = [var.ami_name_filter]
  }
}

locals {
  ami_id = var.ami_id != "" ? var.ami_id : data.aws_ami.vns3[0].id
}

resource "aws_vpc" "this" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = "meshctl-${var.name}" }
}

resource "aws_subnet" "controller" {
  count = length(var.subnet_cidrs)

  vpc_id     = aws_vpc.this.id
  cidr_block = var.subnet_cidrs[count.index]

  tags = { Name = "meshctl-${var.name}-${count.index + 1}" }
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id

  tags = { Name = "meshctl-${var.name}" }
}

resource "aws_route_table" "this" {
  vpc_id = aws_vpc.this.id

  tags = { Name = "meshctl-${var.name}" }
}

resource "aws_route" "internet" {
  route_table_id         = aws_route_table.this.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this.id
}

resource "aws_route_table_association" "controller" {
  count = length(aws_subnet.controller)

  subnet_id      = aws_subnet.controller[count.index].id
  route_table_id = aws_route_table.this.id
}

resource "aws_security_group" "controller" {
  name        = "meshctl-${var.name}-controllers"
  description = "VNS3 controllers: API from the access CIDR, peering from the other VPC"
  vpc_id      = aws_vpc.this.id

  ingress {
    description = "VNS3 API"
    protocol    = "tcp"
    from_port   = 8000
    to_port     = 8000
    cidr_blocks = [var.access_cidr]
  }

  ingress {
    description = "VNS3 peering from the other VPC"
    protocol    = "udp"
    from_port   = var.peering_ports.from
    to_port     = var.peering_ports.to
    cidr_blocks = [var.peer_vpc_cidr]
  }

  # Controllers fetch the keyset from the root's API over the private network, across the
  # peering connection for the other VPC's controllers.
  ingress {
    description = "VNS3 keyset download from the other VPC"
    protocol    = "tcp"
    from_port   = 8000
    to_port     = 8000
    cidr_blocks = [var.peer_vpc_cidr]
  }

  ingress {
    description = "VNS3 peering and keyset download inside this VPC"
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = [var.vpc_cidr]
  }

  egress {
    description = "Everything out"
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = { Name = "meshctl-${var.name}-controllers" }
}

# The instance owns its primary network interface (created and deleted with it) rather than
# attaching a separately managed one: that destroys cleanly on AWS and on emulators alike. Source/
# destination check is off on that interface because a controller forwards traffic for others.
resource "aws_instance" "controller" {
  count = length(var.controller_private_ips)

  ami                         = local.ami_id
  instance_type               = var.instance_type
  key_name                    = var.key_name
  subnet_id                   = aws_subnet.controller[count.index].id
  private_ip                  = var.controller_private_ips[count.index]
  vpc_security_group_ids      = [aws_security_group.controller.id]
  source_dest_check           = false
  associate_public_ip_address = false

  tags = { Name = "meshctl-${var.name}-${count.index + 1}" }
}

resource "aws_eip" "controller" {
  count = length(aws_instance.controller)

  domain   = "vpc"
  instance = aws_instance.controller[count.index].id

  # An Elastic IP needs the VPC's internet gateway to be attached first.
  depends_on = [aws_internet_gateway.this]

  tags = { Name = "meshctl-${var.name}-${count.index + 1}" }
}
