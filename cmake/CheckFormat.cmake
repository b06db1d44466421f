# Fails, naming the files, when a C++ source under src/, tests/, bench/ or examples/ is not
# formatted as .clang-format says. Run as a test:
#   cmake -DSOURCE_DIR=... -DCLANG_FORMAT=... -P cmake/CheckFormat.cmake
# To format: clang-format -i FILE...
file(GLOB_RECURSE sources LIST_DIRECTORIES false
     "${SOURCE_DIR}/src/*.cpp" "${SOURCE_DIR}/src/*.hpp" "${SOURCE_DIR}/tests/*.cpp" "${SOURCE_DIR}/tests/*.hpp"
     "${SOURCE_DIR}/bench/*.cpp" "${SOURCE_DIR}/bench/*.hpp" "${SOURCE_DIR}/examples/*.cpp")
list(FILTER sources EXCLUDE REGEX "/tests/data/")
set(unformatted "")
foreach(file IN LISTS sources)
  execute_process(COMMAND "${CLANG_FORMAT}" --style=file --dry-run --Werror "${file}"
                  WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE result OUTPUT_QUIET ERROR_QUIET)
  if(NOT result EQUAL 0)
    file(RELATIVE_PATH relative "${SOURCE_DIR}" "${file}")
    string(APPEND unformatted "  ${relative}\n")
  endif()
endforeach()
list(LENGTH sources count)
if(unformatted)
  message(FATAL_ERROR "not formatted as .clang-format says (run clang-format -i on them):\n${unformatted}")
endif()
message(STATUS "${count} sources formatted as .clang-format says")
