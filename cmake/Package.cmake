# The Debian package (`cpack -G DEB` in the build folder): the command, its
# man page, libvnie.so with its header, CMake package and pkg-config file,
# the Python module, cron-ingest (as vnie-cron-ingest) and the systemd units,
# all under /usr.  The units are the ones in scripts/systemd/ with the paths
# of the package; they run as the user `vnie`, which the administrator
# creates (`adduser --system --group vnie`).
install(PROGRAMS ${CMAKE_SOURCE_DIR}/scripts/cron-ingest DESTINATION ${CMAKE_INSTALL_BINDIR}
  RENAME vnie-cron-ingest COMPONENT runtime)
install(FILES ${CMAKE_SOURCE_DIR}/scripts/systemd/vnie-ingest.timer DESTINATION lib/systemd/system COMPONENT runtime)
install(CODE "
  file(READ \"${CMAKE_SOURCE_DIR}/scripts/systemd/vnie-ingest.service\" unit)
  string(REPLACE \"/opt/vnie/scripts/cron-ingest\" \"\${CMAKE_INSTALL_PREFIX}/bin/vnie-cron-ingest\" unit \"\${unit}\")
  string(REPLACE \"/opt/vnie/build/vnie\" \"\${CMAKE_INSTALL_PREFIX}/bin/vnie\" unit \"\${unit}\")
  string(REPLACE \"cp vnie-ingest.service vnie-ingest.timer /etc/systemd/system/\\n#   \" \"\" unit \"\${unit}\")
  file(WRITE \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/lib/systemd/system/vnie-ingest.service\" \"\${unit}\")
  message(STATUS \"Installing: \$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/lib/systemd/system/vnie-ingest.service\")
" COMPONENT runtime)

set(CPACK_PACKAGE_NAME vnie)
set(CPACK_PACKAGE_VENDOR "vnie")
set(CPACK_PACKAGE_CONTACT "vnie maintainers <vnie@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "dates, money and named officials from English and Vietnamese news")
set(CPACK_PACKAGE_DESCRIPTION
  "vnie turns folders of English and Vietnamese news articles into database records: it normalizes the text "
  "(any encoding to NFC, one Vietnamese tone placement) and extracts dates, monetary amounts and named "
  "officials. This package holds the vnie command, its man page, libvnie with its C++ header, the Python "
  "module and the cron and systemd wrappers for scheduled ingestion.")
set(CPACK_GENERATOR DEB)
# Installed with DESTDIR under the prefix /usr, so that the units name the
# package's own paths.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_SET_DESTDIR ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "python3")
include(CPack)
