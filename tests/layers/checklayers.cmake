# The layers of DESIGN.md, checked on the sources (run: cmake -DSOURCE_DIR=... -P checklayers.cmake).
# Each rule: files under a folder must not include headers under the listed folders.
#   core/wire     pure codecs: nothing from core/net, core/session, core/demo, ui, app
#   core/session  the spine: nothing from core/net, core/demo, ui, app (it knows no socket)
#   core/         nothing from ui or app
# The build also enforces part of this (core links no Widgets); this catches the includes
# that would still compile.
set(rules
    "core/wire:core/net/,core/session/,core/demo/,ui/,app/"
    "core/session:core/net/,core/demo/,ui/,app/"
    "core/net:core/demo/,ui/,app/"
    "core/demo:ui/,app/"
    "core/lab:core/demo/,ui/,app/"
)
set(violations "")
foreach(rule IN LISTS rules)
    string(REPLACE ":" ";" parts "${rule}")
    string(REPLACE "," ";" parts "${parts}")
    list(GET parts 0 folder)
    list(SUBLIST parts 1 -1 forbidden)
    file(GLOB_RECURSE sources "${SOURCE_DIR}/${folder}/*.h" "${SOURCE_DIR}/${folder}/*.cpp")
    foreach(source IN LISTS sources)
        file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
        foreach(line IN LISTS includes)
            foreach(prefix IN LISTS forbidden)
                if(line MATCHES "\"${prefix}")
                    file(RELATIVE_PATH rel "${SOURCE_DIR}" "${source}")
                    string(APPEND violations "  ${rel}: ${line}\n")
                endif()
            endforeach()
        endforeach()
    endforeach()
endforeach()
if(violations)
    message(FATAL_ERROR "Layering broken (DESIGN.md: wire <- session <- net; core never includes ui or app):\n${violations}")
endif()
message(STATUS "layers respected")
