# HTTP tests
