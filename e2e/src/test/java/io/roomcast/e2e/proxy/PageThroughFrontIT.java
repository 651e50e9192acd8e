package io.roomcast.e2e.proxy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.e2e.deploy.ExternalTool;
import io.roomcast.e2e.testing.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page in a real browser through the demo's nginx front, as a user opens http://localhost:8080:
 * its files come from nginx, its config and updates from the backend behind it, and its Socket.IO
 * connection (same origin, PUBLIC_SOCKET_URL=/) upgrades to WebSocket through the proxy; an update
 * sent with its form shows up in the joined room.
 */
class PageThroughFrontIT {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  @TempDir static Path temp;
  private static ProxiedStack stack;
  private static NginxProcess front;
  private static HeadlessChromium chromium;
  private static ChromeDriver page;

  @BeforeAll
  static void start() throws IOException {
    Path nginx = ExternalTool.require("nginx", "nginx-light");
    String missing = HeadlessChromium.missing();
    Assumptions.assumeTrue(missing == null, missing);
    chromium = HeadlessChromium.start();
    page = chromium.driver();
    stack = ProxiedStack.start(nginx, temp);
    front = stack.startFront("front", stack.frontPort(), true);
  }

  @AfterAll
  static void stop() {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (stack != null) {
        stack.close();
      }
    }
  }

  @Test
  void thePageConnectsThroughTheFrontAndShowsAnUpdateSentWithItsForm() {
    page.get(front.url() + "/");
    awaitAttribute(By.id("connection-state"), "data-state", "connected");
    awaitAttribute(By.id("transport"), "data-transport", "websocket");
    assertEquals(front.url(), page.findElement(By.id("socket-url")).getText());

    page.findElement(By.id("new-room-uuid")).click();
    String room = page.findElement(By.id("room-uuid")).getDomProperty("value");
    page.findElement(By.id("join-room")).click();
    By card = By.cssSelector("[data-testid=room][data-room='" + room + "']");
    await("the card of room " + room)
        .atMost(PATIENCE)
        .until(() -> !page.findElements(card).isEmpty());

    fill(By.id("update-uuid"), room);
    fill(By.id("update-data"), "{\"via\": \"nginx\"}");
    page.findElement(By.id("update-submit")).click();
    WebElement result = page.findElement(By.id("update-result"));
    await("the answer to the update")
        .atMost(PATIENCE)
        .until(() -> result.getDomAttribute("data-outcome") != null);
    assertEquals("ok", result.getDomAttribute("data-outcome"), result.getText());
    By insert = By.cssSelector("[data-testid=event][data-operation=insert]");
    WebElement event =
        await("the insert in room " + room)
            .atMost(PATIENCE)
            .until(() -> page.findElement(card).findElements(insert), list -> !list.isEmpty())
            .get(0);
    assertTrue(event.getText().contains("\"via\": \"nginx\""), event.getText());

    String backend = "127.0.0.1:" + stack.backendPort();
    assertTrue(
        front.accessLog().stream()
            .anyMatch(l -> l.uri().equals("/update") && l.upstream().equals(backend)),
        "the form's update went through the front to the backend");
  }

  private static void fill(By input, String text) {
    WebElement element = page.findElement(input);
    element.clear();
    element.sendKeys(text);
  }

  private static void awaitAttribute(By element, String attribute, String value) {
    await(element + " " + attribute + "=" + value)
        .atMost(PATIENCE)
        .until(() -> value.equals(page.findElement(element).getDomAttribute(attribute)));
  }
}
