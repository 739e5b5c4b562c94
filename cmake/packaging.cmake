# What `cmake --install` puts beside the binary (the man page and shell completions, made at
# build time by the binary itself) and the Debian package `cpack -G DEB` builds from it.
# Included at the end of CMakeLists.txt (after the targets, GNUInstallDirs and CTest).

find_program(MOCKCOACH_GZIP gzip REQUIRED)
set(MOCKCOACH_DOCS ${PROJECT_BINARY_DIR}/docs)
# The Debian changelog of a native package (a version with no Debian revision) is changelog.gz.
configure_file(${PROJECT_SOURCE_DIR}/cmake/debian/changelog.in ${MOCKCOACH_DOCS}/changelog @ONLY)
set(MOCKCOACH_DOC_FILES
  ${MOCKCOACH_DOCS}/man/mockcoach.1 ${MOCKCOACH_DOCS}/man/mockcoach.1.gz
  ${MOCKCOACH_DOCS}/completions/mockcoach ${MOCKCOACH_DOCS}/completions/_mockcoach
  ${MOCKCOACH_DOCS}/completions/mockcoach.fish ${MOCKCOACH_DOCS}/changelog.gz)
add_custom_command(
  OUTPUT ${MOCKCOACH_DOC_FILES}
  COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:mockcoach> -DOUT=${MOCKCOACH_DOCS}
          -DGZIP=${MOCKCOACH_GZIP} -P ${PROJECT_SOURCE_DIR}/cmake/generate_docs.cmake
  DEPENDS mockcoach ${PROJECT_SOURCE_DIR}/cmake/generate_docs.cmake ${MOCKCOACH_DOCS}/changelog
  COMMENT "Writing the man page and shell completions with the built mockcoach"
  VERBATIM)
add_custom_target(mockcoach_docs ALL DEPENDS ${MOCKCOACH_DOC_FILES})

# gzipped, as Debian ships man pages; man reads it the same.
install(FILES ${MOCKCOACH_DOCS}/man/mockcoach.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${MOCKCOACH_DOCS}/completions/mockcoach
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
# zsh looks in share/zsh/vendor-completions under /usr (where packages put theirs; Debian's
# zsh has no /usr/share/zsh/site-functions) and in share/zsh/site-functions under /usr/local.
# Chosen at install time, when the prefix is known: cpack installs with /usr whatever the build
# was configured with.
install(CODE "
  set(zsh_folder site-functions)
  if(CMAKE_INSTALL_PREFIX MATCHES \"^/usr/?$\")
    set(zsh_folder vendor-completions)
  endif()
  file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/zsh/\${zsh_folder}\"
       TYPE FILE FILES \"${MOCKCOACH_DOCS}/completions/_mockcoach\")")
install(FILES ${MOCKCOACH_DOCS}/completions/mockcoach.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
install(FILES ${PROJECT_SOURCE_DIR}/cmake/debian/copyright ${MOCKCOACH_DOCS}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# cpack -G DEB, in the build folder: build/mockcoach_VERSION_ARCH.deb.
set(MOCKCOACH_MAINTAINER "mockcoach developers <mockcoach@example.org>"
    CACHE STRING "The Debian package's Maintainer field")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mockcoach)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${MOCKCOACH_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "timed mock interviews for ML-engineer candidates")
# Lines under 80 columns with the leading space Debian adds (lintian checks).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "mockcoach runs mock interviews in the terminal. It draws a question weighted
by how often its category comes up in ML-engineer interviews (machine
learning, algorithms, system design, behavioral and 14 more), shows the
category's framework, and runs the interview as timed phases with a
checklist on screen. At the end you score yourself against the category's
rubric, and the session is saved as a plain TOML transcript.
.
It also rehearses STAR answers to behavioral questions and keeps them in a
story bank, and reviews past sessions: history, weak categories and
criteria, overrun phases, and an adaptive draw that leans toward what needs
practice. The 18 rubrics and their 349 questions are built in; your own can
be added as TOML files.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends from the libraries the binary links (libfmt9 in Debian 12, libfmt10 in 13, libstdc++6,
# libc6, ...), found by dpkg-shlibdeps (dpkg-dev) and file; toml++ is compiled in and needs no
# package.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_SOURCE_IGNORE_FILES "/build.*/" "/\\\\.git/")
include(CPack)

if(MOCKCOACH_BUILD_TESTS)
  # Needs dpkg-dev and file (skipped without them); lints with lintian when it is installed.
  add_test(NAME package_deb COMMAND ${PROJECT_SOURCE_DIR}/tests/package/test-package.sh
                                    ${PROJECT_BINARY_DIR})
  set_tests_properties(package_deb PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
endif()
