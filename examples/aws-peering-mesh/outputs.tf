# meshctl reads these through ${tf:NAME} in mesh.yaml (from `terraform output -json`): keep the
# names stable.

output "east_vpc_cidr" {
  value = module.east.vpc_cidr
}

output "east_subnet_cidrs" {
  value = module.east.subnet_cidrs
}

output "east_controller_public_ips" {
  value = module.east.controller_public_ips
}

output "east_controller_dns_names" {
  value = module.east.controller_dns_names
}

output "east_controller_private_ips" {
  value = module.east.controller_private_ips
}

output "east_controller_instance_ids" {
  description = "Also each controller's initial API password on AWS."
  value       = module.east.controller_instance_ids
}

output "east_route_table_id" {
  value = module.east.route_table_id
}

output "east_security_group_id" {
  value = module.east.security_group_id
}

output "west_vpc_cidr" {
  value = module.west.vpc_cidr
}

output "west_subnet_cidrs" {
  value = module.west.subnet_cidrs
}

output "west_controller_public_ips" {
  value = module.west.controller_public_ips
}

output "west_controller_dns_names" {
  value = module.west.controller_dns_names
}

output "west_controller_private_ips" {
  value = module.west.controller_private_ips
}

output "west_controller_instance_ids" {
  description = "Also each controller's initial API password on AWS."
  value       = module.west.controller_instance_ids
}

output "west_route_table_id" {
  value = module.west.route_table_id
}

output "west_security_group_id" {
  value = module.west.security_group_id
}

output "vpc_peering_connection_id" {
  value = aws_vpc_peering_connection_accepter.east_west.id
}
