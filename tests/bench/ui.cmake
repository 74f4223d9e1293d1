# ui benchmarks: wirescope_add_bench(...)
