# The Python module: threatgraph/_threatgraph (pybind11, Debian's python3-pybind11) beside the
# package's Python part, both in BUILD/python/threatgraph so that PYTHONPATH=BUILD/python imports
# it before installing. Not in sanitizer builds: Python itself is not instrumented.
# Debian's python3, the one the tests run (its networkx, its pytest), not one a version manager
# puts first on PATH.
if(EXISTS /usr/bin/python3 AND NOT DEFINED Python3_EXECUTABLE)
  set(Python3_EXECUTABLE /usr/bin/python3)
endif()
find_package(Python3 COMPONENTS Interpreter Development.Module)
if(Python3_FOUND)
  set(PYBIND11_FINDPYTHON ON)
  find_package(pybind11 CONFIG)
endif()
if(NOT Python3_FOUND OR NOT pybind11_FOUND)
  message(STATUS "threatgraph: python3-dev or python3-pybind11 missing; the Python module is not built")
  return()
endif()

set(tg_python_dir "${PROJECT_BINARY_DIR}/python/threatgraph")
# NO_EXTRAS: no link-time optimization, which would double the build on two cores.
pybind11_add_module(tg_python MODULE NO_EXTRAS "${PROJECT_SOURCE_DIR}/src/python/module.cpp")
set_target_properties(tg_python PROPERTIES OUTPUT_NAME _threatgraph LIBRARY_OUTPUT_DIRECTORY "${tg_python_dir}")
target_link_libraries(tg_python PRIVATE tg_render tg_query tg_analysis tg_extract tg_io tg_model tg_core)
tg_warnings(tg_python)
add_custom_command(OUTPUT "${tg_python_dir}/__init__.py"
                   COMMAND ${CMAKE_COMMAND} -E copy "${PROJECT_SOURCE_DIR}/src/python/threatgraph/__init__.py" "${tg_python_dir}/__init__.py"
                   DEPENDS "${PROJECT_SOURCE_DIR}/src/python/threatgraph/__init__.py")
add_custom_target(tg_python_package ALL DEPENDS "${tg_python_dir}/__init__.py")
add_dependencies(tg_python tg_python_package)

# Where Debian's python3 looks: /usr/lib/python3/dist-packages, /usr/local/lib/python3.X/dist-packages.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(tg_python_default "lib/python3/dist-packages")
else()
  set(tg_python_default "lib/python${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR}/dist-packages")
endif()
set(TG_PYTHON_INSTALL_DIR "${tg_python_default}" CACHE STRING "where cmake --install puts the threatgraph Python package")
install(TARGETS tg_python LIBRARY DESTINATION "${TG_PYTHON_INSTALL_DIR}/threatgraph")
install(FILES "${PROJECT_SOURCE_DIR}/src/python/threatgraph/__init__.py" DESTINATION "${TG_PYTHON_INSTALL_DIR}/threatgraph")
