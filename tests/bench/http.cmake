# http benchmarks: wirescope_add_bench(...)
