# The seed topology: one VPC per region, two subnets each, one VNS3 controller per subnet, and a
# cross-region VPC peering connection so the controllers can reach each other privately.

module "east" {
  source    = "./modules/region"
  providers = { aws = aws.east }

  name                   = "east"
  vpc_cidr               = var.east_vpc_cidr
  subnet_cidrs           = var.east_subnet_cidrs
  controller_private_ips = var.east_controller_private_ips
  ami_id                 = var.east_ami_id
  ami_name_filter        = var.vns3_ami_name_filter
  ami_owners             = var.vns3_ami_owners
  instance_type          = var.instance_type
  key_name               = var.key_name
  access_cidr            = var.access_cidr
  peer_vpc_cidr          = var.west_vpc_cidr
  peering_ports          = var.peering_ports
}

module "west" {
  source    = "./modules/region"
  providers = { aws = aws.west }

  name                   = "west"
  vpc_cidr               = var.west_vpc_cidr
  subnet_cidrs           = var.west_subnet_cidrs
  controller_private_ips = var.west_controller_private_ips
  ami_id                 = var.west_ami_id
  ami_name_filter        = var.vns3_ami_name_filter
  ami_owners             = var.vns3_ami_owners
  instance_type          = var.instance_type
  key_name               = var.key_name
  access_cidr            = var.access_cidr
  peer_vpc_cidr          = var.east_vpc_cidr
  peering_ports          = var.peering_ports
}

resource "aws_vpc_peering_connection" "east_west" {
  provider = aws.east

  vpc_id      = module.east.vpc_id
  peer_vpc_id = module.west.vpc_id
  peer_region = "us-west-2"
  # A cross-region connection cannot be accepted by its requester: the accepter below does it.
  auto_accept = false

  tags = { Name = "meshctl-east-west" }
}

resource "aws_vpc_peering_connection_accepter" "east_west" {
  provider = aws.west

  vpc_peering_connection_id = aws_vpc_peering_connection.east_west.id
  auto_accept               = true

  tags = { Name = "meshctl-east-west" }
}

# Routes through the peering connection go in only once it is accepted: the accepter's id is the
# connection's id, and depending on it orders them.
resource "aws_route" "east_to_west" {
  provider = aws.east

  route_table_id            = module.east.route_table_id
  destination_cidr_block    = var.west_vpc_cidr
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east_west.id
}

resource "aws_route" "west_to_east" {
  provider = aws.west

  route_table_id            = module.west.route_table_id
  destination_cidr_block    = var.east_vpc_cidr
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.east_west.id
}
