package io.roomcast.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The java executable and JVM options the Roomcast server runs with. By default what production
 * runs (docker/socket-server.Dockerfile: Temurin 25, {@code -XX:+UseZGC -XX:-ZProactive},
 * generational since Java 23 and the only ZGC from 24 on) when that JDK is installed here;
 * otherwise the {@code java} on the PATH with G1. {@code --roomcast-java} and {@code
 * --roomcast-jvm} override either half.
 */
record ServerJvm(String java, String options, String version) {
  static final String AUTO = "auto";
  static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  /** The image's collector flags, with a 1 GB heap that ZGC keeps to about 320 MB resident. */
  static final String ZGC =
      "-XX:+UseZGC -XX:-ZProactive -Xmx1g -XX:SoftMaxHeapSize=320m"
          + " --enable-native-access=ALL-UNNAMED";

  static final String G1 = "-XX:+UseG1GC -Xmx1g";

  private static final Pattern MAJOR = Pattern.compile("version \"(?:1\\.)?(\\d+)");

  /** Resolves {@code auto} in either flag; {@code version} is the first line of java -version. */
  static ServerJvm choose(String javaFlag, String optionsFlag) throws Exception {
    String java =
        !javaFlag.equals(AUTO)
            ? javaFlag
            : Files.isExecutable(TEMURIN_25) ? TEMURIN_25 + "" : "java";
    String version = Machine.run(java, "-version").lines().findFirst().orElse("?");
    String options = !optionsFlag.equals(AUTO) ? optionsFlag : defaultOptions(version);
    return new ServerJvm(java, options, version);
  }

  /** Generational ZGC where it is the only ZGC (Java 24+), as in production; G1 before that. */
  static String defaultOptions(String versionLine) {
    Matcher major = MAJOR.matcher(versionLine);
    return major.find() && Integer.parseInt(major.group(1)) >= 24 ? ZGC : G1;
  }

  /** The jcmd of the same JDK (a JVM is best attached to by its own version's tools). */
  String jcmd() {
    return java.contains("/") ? Path.of(java).resolveSibling("jcmd").toString() : "jcmd";
  }
}
