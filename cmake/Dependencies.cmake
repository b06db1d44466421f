# Every dependency comes from a Debian package (scripts/install-deps.sh installs them).
find_package(Boost 1.74 REQUIRED CONFIG)
find_package(RapidJSON REQUIRED CONFIG)
find_package(CLI11 REQUIRED CONFIG)
find_package(PkgConfig REQUIRED)
# SHA-256 of source texts: OpenSSL's libcrypto picks the CPU's SHA instructions where it has them.
find_package(OpenSSL 1.1 REQUIRED COMPONENTS Crypto)
# Line editing and history at the query prompt: libedit's readline interface (BSD licence).
pkg_check_modules(LIBEDIT REQUIRED IMPORTED_TARGET libedit)
pkg_check_modules(GVC REQUIRED IMPORTED_TARGET libgvc>=2.42 libcgraph>=2.42)
# SVG is drawn with the layout and core plugins linked in (gvContextPlugins): no plugin loading,
# no pango font set-up, ~30 ms less per drawing. They live in Graphviz's plugin folder.
pkg_get_variable(GVC_LIBDIR libgvc libdir)
set(tg_gv_plugin_dir "${GVC_LIBDIR}/graphviz")
add_library(tg_graphviz INTERFACE)
foreach(plugin core dot_layout neato_layout)
  find_library(TG_GVPLUGIN_${plugin} NAMES gvplugin_${plugin} PATHS "${tg_gv_plugin_dir}" NO_DEFAULT_PATH REQUIRED)
  target_link_libraries(tg_graphviz INTERFACE "${TG_GVPLUGIN_${plugin}}")
endforeach()
target_link_libraries(tg_graphviz INTERFACE PkgConfig::GVC)
target_link_options(tg_graphviz INTERFACE "LINKER:-rpath,${tg_gv_plugin_dir}")

# Debian's RapidJSON config sets only an include directory: wrap it in a target.
add_library(tg_rapidjson INTERFACE)
target_include_directories(tg_rapidjson SYSTEM INTERFACE ${RAPIDJSON_INCLUDE_DIRS})
target_compile_definitions(tg_rapidjson INTERFACE RAPIDJSON_HAS_STDSTRING=1)

add_library(tg_boost INTERFACE)
target_link_libraries(tg_boost INTERFACE Boost::headers)
