# The library as a package other projects build on: `cmake --install` puts the headers, libthreatgraph
# (shared and static, the objects of every layer but the CLI), a CMake package exporting
# threatgraph::threatgraph (shared) and threatgraph::threatgraph_static, and a pkg-config file.
include(CMakePackageConfigHelpers)

set(tg_package_layers core model io extract analysis query render)
set(tg_package_objects)
foreach(layer IN LISTS tg_package_layers)
  list(APPEND tg_package_objects $<TARGET_OBJECTS:tg_${layer}>)
endforeach()

# Graphviz's layout plugins are linked in (see Dependencies.cmake): by absolute path, found again
# through an rpath to the plugin folder.
set(tg_package_link_private OpenSSL::Crypto Threads::Threads PkgConfig::GVC)
foreach(plugin core dot_layout neato_layout)
  list(APPEND tg_package_link_private "${TG_GVPLUGIN_${plugin}}")
endforeach()

add_library(threatgraph_shared SHARED ${tg_package_objects})
add_library(threatgraph_static STATIC ${tg_package_objects})
foreach(kind shared static)
  set(target threatgraph_${kind})
  set_target_properties(${target} PROPERTIES OUTPUT_NAME threatgraph)
  target_include_directories(${target} INTERFACE $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>
                                                 $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/threatgraph>)
  # Some io headers include RapidJSON; its std::string support changes its classes' layout.
  target_compile_definitions(${target} INTERFACE RAPIDJSON_HAS_STDSTRING=1)
  target_compile_features(${target} INTERFACE cxx_std_17)
  target_link_libraries(${target} PUBLIC Boost::headers PRIVATE ${tg_package_link_private})
  target_link_options(${target} INTERFACE "LINKER:-rpath,${tg_gv_plugin_dir}")
endforeach()
set_target_properties(threatgraph_shared PROPERTIES EXPORT_NAME threatgraph VERSION ${PROJECT_VERSION}
                                                    SOVERSION ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR})
set_target_properties(threatgraph_static PROPERTIES EXPORT_NAME threatgraph_static)
target_link_options(threatgraph_shared PRIVATE "LINKER:-rpath,${tg_gv_plugin_dir}")

install(TARGETS threatgraph_shared threatgraph_static EXPORT threatgraph-targets
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/src/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/threatgraph"
        FILES_MATCHING PATTERN "*.hpp" PATTERN "cli" EXCLUDE)
set(tg_package_dir "${CMAKE_INSTALL_LIBDIR}/cmake/threatgraph")
install(EXPORT threatgraph-targets NAMESPACE threatgraph:: DESTINATION "${tg_package_dir}")
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/threatgraph-config.cmake.in"
                              "${PROJECT_BINARY_DIR}/threatgraph-config.cmake" INSTALL_DESTINATION "${tg_package_dir}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/threatgraph-config-version.cmake" COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/threatgraph-config.cmake" "${PROJECT_BINARY_DIR}/threatgraph-config-version.cmake"
        DESTINATION "${tg_package_dir}")

# Relocatable: the prefix is found from the file's own place (cmake --install --prefix anywhere).
file(RELATIVE_PATH tg_pc_to_prefix "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" tg_pc_to_prefix "${tg_pc_to_prefix}")
string(REPLACE ";" " " tg_plugin_paths "${TG_GVPLUGIN_core};${TG_GVPLUGIN_dot_layout};${TG_GVPLUGIN_neato_layout}")
configure_file("${PROJECT_SOURCE_DIR}/cmake/threatgraph.pc.in" "${PROJECT_BINARY_DIR}/threatgraph.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/threatgraph.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
