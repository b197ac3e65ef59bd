# SPDX-License-Identifier: MIT
# Fails when docs/cli/<command>.md's OPTIONS section and `coterm <command> --help`
# name different long options. -DEXE= -DCOMMAND= -DDOC=
execute_process(COMMAND ${EXE} ${COMMAND} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${COMMAND} --help failed")
endif()
string(REGEX MATCHALL "--[a-z][a-z0-9-]+" help_options "${help}")
list(REMOVE_DUPLICATES help_options)
list(SORT help_options)

file(READ "${DOC}" doc)
string(REGEX MATCH "## OPTIONS(.*)## EXIT STATUS" section "${doc}")
if(NOT section)
  message(FATAL_ERROR "${DOC}: no '## OPTIONS' ... '## EXIT STATUS' section")
endif()
# Every `--name` written in the OPTIONS section counts as documented.
string(REGEX MATCHALL "--[a-z][a-z0-9-]+" doc_options "${section}")
list(REMOVE_DUPLICATES doc_options)
list(SORT doc_options)
if(NOT "${help_options}" STREQUAL "${doc_options}")
  message(FATAL_ERROR "${DOC} OPTIONS and --help disagree\n--help: ${help_options}\ndoc:    ${doc_options}")
endif()
