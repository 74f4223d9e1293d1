# HTTP fuzz targets: wirescope_add_fuzzer(...)
