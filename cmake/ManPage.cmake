# Writes threatgraph.1 with help2man: the program's --help and --version, plus a section per
# command made from that command's own --help, so the page says what the program says.
#   cmake -DTHREATGRAPH=... -DHELP2MAN=... -DOUT=... -DWORK=... -P ManPage.cmake
execute_process(COMMAND "${THREATGRAPH}" --help OUTPUT_VARIABLE main_help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "threatgraph --help failed (${rc})")
endif()
# The commands are the lines after "Commands:" up to the blank line.
string(REGEX MATCH "Commands:\n(.*)\n\n" commands_block "${main_help}")
string(REGEX MATCHALL "\n  ([a-z-]+)" command_lines "\n${CMAKE_MATCH_1}")
set(include "[COMMANDS]\nEach command takes the global options above, before or after its name.\n")
foreach(line IN LISTS command_lines)
  string(STRIP "${line}" command)
  execute_process(COMMAND "${THREATGRAPH}" ${command} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "threatgraph ${command} --help failed (${rc})")
  endif()
  # The command's own part: up to its global options, which the page lists once.
  string(FIND "${help}" "\nGlobal options" cut)
  string(FIND "${help}" "\nExample:" example_at)
  string(SUBSTRING "${help}" ${example_at} -1 example)
  string(SUBSTRING "${help}" 0 ${cut} help)
  string(APPEND help "\n${example}")
  # roff: a backslash is \e; a line starting with . or ' is text, not a request.
  string(REPLACE "\\" "\\e" help "${help}")
  string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" help "${help}")
  string(APPEND include ".SS ${command}\n.nf\n${help}\n.fi\n")
endforeach()
string(APPEND include "
[ENVIRONMENT]
.TP
.B THREATGRAPH_DATA
the graph-data folder when --data is not given
.TP
.B THREATGRAPH_SOURCES
the folder of source texts when --sources is not given
.TP
.B THREATGRAPH_HISTORY
where the query prompt keeps its history (default: $XDG_STATE_HOME/threatgraph/history, else ~/.local/state/threatgraph/history)

[EXIT STATUS]
0 success; 1 bad data or a check that found problems; 2 a usage error; 3 a file that cannot be read or written; 70 an internal error; 130 interrupted.

[SEE ALSO]
The README and queries/README.md in the threatgraph sources; the installed graph-data under share/threatgraph.
")
file(WRITE "${WORK}/threatgraph.h2m" "${include}")
execute_process(COMMAND "${HELP2MAN}" --no-info --no-discard-stderr
                        "--name=build, check and question knowledge graphs of transnational threat networks"
                        "--include=${WORK}/threatgraph.h2m" "--output=${OUT}" "${THREATGRAPH}"
                RESULT_VARIABLE rc ERROR_VARIABLE errors)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed (${rc}): ${errors}")
endif()
