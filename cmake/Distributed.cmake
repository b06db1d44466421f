# threatgraph-dist: the analyses over MPI with the Parallel Boost Graph Library (Debian's
# libboost-graph-parallel-dev, libboost-mpi-dev, libopenmpi-dev). Left out, with a note, where
# they are missing; not in the sanitizer or fuzz builds (Open MPI is not instrumented).
find_package(MPI COMPONENTS CXX)
if(MPI_CXX_FOUND)
  find_package(Boost 1.74 CONFIG COMPONENTS mpi graph_parallel serialization)
endif()
if(NOT MPI_CXX_FOUND OR NOT Boost_MPI_FOUND OR NOT Boost_GRAPH_PARALLEL_FOUND)
  message(STATUS "threatgraph: Open MPI or the Parallel BGL missing (scripts/install-deps.sh installs them); threatgraph-dist is not built")
  return()
endif()

add_executable(threatgraph-dist
  "${PROJECT_SOURCE_DIR}/src/dist/main.cpp"
  "${PROJECT_SOURCE_DIR}/src/dist/edge_share.cpp"
  "${PROJECT_SOURCE_DIR}/src/dist/exchange.cpp"
  "${PROJECT_SOURCE_DIR}/src/dist/numbering.cpp"
  "${PROJECT_SOURCE_DIR}/src/dist/node_choice.cpp"
  "${PROJECT_SOURCE_DIR}/src/dist/distributed_measures.cpp")
target_link_libraries(threatgraph-dist PRIVATE tg_command_line tg_query tg_io tg_model tg_core CLI11::CLI11 MPI::MPI_CXX Boost::mpi Boost::graph_parallel
                                               Boost::serialization)
tg_warnings(threatgraph-dist)
install(TARGETS threatgraph-dist RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
