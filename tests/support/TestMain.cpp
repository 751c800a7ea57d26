// Shared main() of every test executable: sets the offscreen platform before the application object
// exists (gtest_discover_tests runs the binary without the ENVIRONMENT property).
#include <gtest/gtest.h>

#if OBJECTIVITY_TEST_APP == 2
#include <QApplication>
using TestApplication = QApplication;
#elif OBJECTIVITY_TEST_APP == 1
#include <QGuiApplication>
using TestApplication = QGuiApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TestApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
