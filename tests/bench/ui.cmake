# ui benchmarks (own RelWithDebInfo build dir, -DWIRESCOPE_BENCH=ON):
#   QT_QPA_PLATFORM=offscreen bench_ui_wslog [--hz 50000] [--seconds 10] [--rows 1000000]
wirescope_add_bench(bench_ui_wslog SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_ui_wslog.cpp LIBS wirescope_ui wirescope_demo)
