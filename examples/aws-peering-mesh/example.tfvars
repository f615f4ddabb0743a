# Copy to terraform.tfvars and adjust. Real AWS: leave aws_endpoint_url unset.
access_cidr = "203.0.113.7/32" # your workstation's public address

# Pin the VNS3 image per region, or leave empty to take the newest marketplace image whose name
# matches vns3_ami_name_filter (you must have subscribed to it in the AWS Marketplace).
east_ami_id = ""
west_ami_id = ""
