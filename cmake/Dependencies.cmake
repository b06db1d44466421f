# Every dependency comes from a Debian package (scripts/install-deps.sh installs them).
find_package(Boost 1.74 REQUIRED CONFIG)
find_package(RapidJSON REQUIRED CONFIG)
find_package(CLI11 REQUIRED CONFIG)
find_package(PkgConfig REQUIRED)
pkg_check_modules(GVC REQUIRED IMPORTED_TARGET libgvc>=2.42 libcgraph>=2.42)

# Debian's RapidJSON config sets only an include directory: wrap it in a target.
add_library(tg_rapidjson INTERFACE)
target_include_directories(tg_rapidjson SYSTEM INTERFACE ${RAPIDJSON_INCLUDE_DIRS})
target_compile_definitions(tg_rapidjson INTERFACE RAPIDJSON_HAS_STDSTRING=1)

add_library(tg_boost INTERFACE)
target_link_libraries(tg_boost INTERFACE Boost::headers)
