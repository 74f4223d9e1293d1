# ws benchmarks: wirescope_add_bench(...)
