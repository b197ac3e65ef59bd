# SPDX-License-Identifier: MIT
# Writes a .cpp holding the report's script and stylesheet as raw string literals, so
# report.html needs no file at run time and no download at build time.
# -DJS= -DCSS= -DOUT=
file(READ "${JS}" js)
file(READ "${CSS}" css)
foreach(text js css)
  string(FIND "${${text}}" ")coterm_asset\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${text} holds the raw-string delimiter )coterm_asset\"")
  endif()
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from src/render/assets by embed_assets.cmake: do not edit.\n"
  "#include \"render/report_assets.hpp\"\n\nnamespace coterm::render {\n\n"
  "const char* const report_js = R\"coterm_asset(${js})coterm_asset\";\n\n"
  "const char* const report_css = R\"coterm_asset(${css})coterm_asset\";\n\n"
  "} // namespace coterm::render\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
