# http benchmarks (own RelWithDebInfo build dir, -DWIRESCOPE_BENCH=ON)
wirescope_add_bench(bench_http SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_http.cpp LIBS wirescope_core wirescope_peers)
