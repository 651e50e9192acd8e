package io.roomcast.e2e.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.service.DriverFinder;

/**
 * Debian's headless Chromium driven through the system chromedriver, with the paths given
 * explicitly so that Selenium never runs Selenium Manager (which would download a driver or a
 * browser). Each instance uses a fresh profile directory, removed again by {@link #close()}.
 */
public final class HeadlessChromium implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;
  private final boolean seleniumManagerSkipped;

  private HeadlessChromium(ChromeDriver driver, Path profile, boolean seleniumManagerSkipped) {
    this.driver = driver;
    this.profile = profile;
    this.seleniumManagerSkipped = seleniumManagerSkipped;
  }

  /** Why the browser cannot run here, or null when both programs are installed. */
  public static String missing() {
    for (Path program : new Path[] {CHROMIUM, CHROMEDRIVER}) {
      if (!Files.isExecutable(program)) {
        return program
            + " is not installed (apt-get install -y chromium chromium-driver); browser test skipped";
      }
    }
    return null;
  }

  /**
   * Starts a browser with a fresh profile; {@link #missing()} first, to skip where there is none.
   */
  public static HeadlessChromium start() throws IOException {
    Path profile = Files.createTempDirectory("roomcast-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    SeleniumManagerWatch watch = SeleniumManagerWatch.start();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      return new HeadlessChromium(driver, profile, watch.skipped());
    } finally {
      watch.stop();
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Whether Selenium said it skipped Selenium Manager because the driver path was given. */
  public boolean seleniumManagerSkipped() {
    return seleniumManagerSkipped;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteTree(profile.toFile());
    }
  }

  private static void deleteTree(File file) {
    File[] children = file.listFiles();
    if (children != null) {
      for (File child : children) {
        deleteTree(child);
      }
    }
    if (!file.delete() && file.exists()) {
      throw new UncheckedIOException(new IOException("could not delete " + file));
    }
  }

  /** Listens to Selenium's driver lookup, which logs at FINE when it bypasses Selenium Manager. */
  private static final class SeleniumManagerWatch extends Handler {
    private final Logger logger = Logger.getLogger(DriverFinder.class.getName());
    private final Level previous = logger.getLevel();
    private volatile boolean skipped;

    static SeleniumManagerWatch start() {
      SeleniumManagerWatch watch = new SeleniumManagerWatch();
      watch.logger.setLevel(Level.FINE);
      watch.setLevel(Level.FINE);
      watch.logger.addHandler(watch);
      return watch;
    }

    boolean skipped() {
      return skipped;
    }

    void stop() {
      logger.removeHandler(this);
      logger.setLevel(previous);
    }

    @Override
    public void publish(LogRecord record) {
      if (record.getMessage() != null
          && record.getMessage().startsWith("Skipping Selenium Manager")) {
        skipped = true;
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
