# Warnings apply to our targets only; third-party headers are included as SYSTEM.
function(tg_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
  if(TG_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(TG_SANITIZE)
    # GCC 12 with -fsanitize reports boost::optional (inside Boost.Graph's add_vertex) as
    # maybe-uninitialized once inlined into our code: a known false positive.
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
  endif()
endfunction()
