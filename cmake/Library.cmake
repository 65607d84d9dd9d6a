# libvnie.so for other programs: the public header include/vnie/vnie.h, a
# CMake package (find_package(vnie), target vnie::vnie) and a pkg-config file
# (vnie.pc), all installed by `cmake --install`.  Only the public API is
# exported; vnie's own archives inside it stay hidden, so they never clash
# with a program's symbols.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

add_library(vnie_shared SHARED ${CMAKE_SOURCE_DIR}/app/api/library.cc)
target_link_libraries(vnie_shared PRIVATE vnie_stages)
target_link_options(vnie_shared PRIVATE -Wl,--exclude-libs,ALL)
target_include_directories(vnie_shared PUBLIC
  $<BUILD_INTERFACE:${CMAKE_SOURCE_DIR}/include> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_compile_features(vnie_shared INTERFACE cxx_std_17)
set_target_properties(vnie_shared PROPERTIES
  OUTPUT_NAME vnie EXPORT_NAME vnie VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR}
  LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib)
add_library(vnie::vnie ALIAS vnie_shared)

install(TARGETS vnie RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
install(TARGETS vnie_shared EXPORT vnieTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT runtime)
install(FILES ${CMAKE_SOURCE_DIR}/include/vnie/vnie.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/vnie COMPONENT runtime)
set(VNIE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/vnie)
install(EXPORT vnieTargets NAMESPACE vnie:: DESTINATION ${VNIE_CMAKE_DIR} COMPONENT runtime)
configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/vnieConfig.cmake.in
  ${CMAKE_BINARY_DIR}/generated/vnieConfig.cmake INSTALL_DESTINATION ${VNIE_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_BINARY_DIR}/generated/vnieConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/generated/vnieConfig.cmake ${CMAKE_BINARY_DIR}/generated/vnieConfigVersion.cmake
  DESTINATION ${VNIE_CMAKE_DIR} COMPONENT runtime)
# The .pc file finds the prefix from where it lies, so that an install moved
# elsewhere (a scratch root, DESTDIR) still points at its own files.
file(RELATIVE_PATH VNIE_PC_TO_PREFIX /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REGEX REPLACE "/$" "" VNIE_PC_TO_PREFIX "${VNIE_PC_TO_PREFIX}")
configure_file(${CMAKE_SOURCE_DIR}/cmake/vnie.pc.in ${CMAKE_BINARY_DIR}/generated/vnie.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/generated/vnie.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT runtime)
