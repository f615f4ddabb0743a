output "vpc_id" {
  value = aws_vpc.this.id
}

output "vpc_cidr" {
  value = aws_vpc.this.cidr_block
}

output "subnet_cidrs" {
  value = aws_subnet.controller[*].cidr_block
}

output "controller_public_ips" {
  value = aws_eip.controller[*].public_ip
}

output "controller_dns_names" {
  value = aws_eip.controller[*].public_dns
}

output "controller_private_ips" {
  value = aws_instance.controller[*].private_ip
}

output "controller_instance_ids" {
  value = aws_instance.controller[*].id
}

output "route_table_id" {
  value = aws_route_table.this.id
}

output "security_group_id" {
  value = aws_security_group.controller.id
}
