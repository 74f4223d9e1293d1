target_sources(wirescope_ui PRIVATE)
