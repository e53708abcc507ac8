# Runs the screenshot tour under Xvfb into an emptied directory, so no PNG from an earlier run
# can stand in for one this run failed to write.
#   cmake -DAPP=<openvpp-world> -DOUT=<dir> -P RunScreenshotTour.cmake
if(NOT APP OR NOT OUT)
    message(FATAL_ERROR "usage: cmake -DAPP=<openvpp-world> -DOUT=<dir> -P RunScreenshotTour.cmake")
endif()
find_program(XVFB_RUN xvfb-run)
if(NOT XVFB_RUN)
    message(FATAL_ERROR "xvfb-run not found (Debian package xvfb)")
endif()

file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
execute_process(
    COMMAND "${XVFB_RUN}" -a -s "-screen 0 1280x800x24" "${APP}" --screenshot "${OUT}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "the screenshot tour failed: ${result}")
endif()
