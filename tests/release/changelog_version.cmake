# Fails when the first released heading of CHANGELOG.md ("## [X.Y.Z] - date",
# [Unreleased] skipped) names another version than `vnie --version` prints.
#   cmake -DVNIE=build/vnie -DCHANGELOG=CHANGELOG.md -P changelog_version.cmake
execute_process(COMMAND ${VNIE} --version OUTPUT_VARIABLE out RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^vnie ([0-9]+\\.[0-9]+\\.[0-9]+[^ \n]*)$")
  message(FATAL_ERROR "vnie --version printed '${out}' (exit ${rc}), not 'vnie X.Y.Z'")
endif()
set(binary_version ${CMAKE_MATCH_1})

file(STRINGS ${CHANGELOG} headings REGEX "^## \\[")
set(released "")
foreach(h IN LISTS headings)
  if(h MATCHES "^## \\[([0-9][^]]*)\\]")
    set(released ${CMAKE_MATCH_1})
    break()
  endif()
endforeach()
if(released STREQUAL "")
  message(FATAL_ERROR "${CHANGELOG} has no released version heading (## [X.Y.Z] - YYYY-MM-DD)")
endif()
if(NOT released STREQUAL binary_version)
  message(FATAL_ERROR "CHANGELOG.md's latest release is ${released}, vnie --version says ${binary_version}: "
                      "bump project(VERSION) in CMakeLists.txt or the changelog's heading")
endif()
message(STATUS "CHANGELOG.md and vnie --version agree: ${binary_version}")
