package io.roomcast.e2e.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.e2e.testing.HeadlessChromium;
import io.roomcast.e2e.testing.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page in a real browser: served by the backend, connected to the socket server, it joins
 * rooms, posts updates through its form and shows each change in the room of its document, and only
 * there.
 */
class BrowserIT {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static Stack stack;
  private static HeadlessChromium chromium;
  private static ChromeDriver page;

  @BeforeAll
  static void start() throws Exception {
    String missing = HeadlessChromium.missing();
    Assumptions.assumeTrue(missing == null, missing);
    // As the launcher runs it: the page fetches its tokens from the backend's dev endpoint.
    stack = Stack.startOwned(Stack.DEV_TOKENS_AUTH);
    chromium = HeadlessChromium.start();
    page = chromium.driver();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void seleniumUsesTheSystemDriverAndDownloadsNothing() {
    assertTrue(chromium.seleniumManagerSkipped(), "Selenium Manager was not bypassed");
  }

  @Test
  void joinsRoomsSeesItsOwnUpdatesLiveAndNothingFromOtherRooms() throws Exception {
    page.get(stack.backendUrl() + "/");
    awaitAttribute(By.id("connection-state"), "data-state", "connected");
    awaitAttribute(By.id("transport"), "data-transport", "websocket");
    assertEquals(stack.socketUrl(), text(By.id("socket-url")));

    String roomA = joinNewRoom();
    String roomB = joinNewRoom();

    sendUpdate(roomA, "{\"step\": 1, \"from\": \"the browser\"}");
    assertTrue(resultText().contains("201 created " + roomA), resultText());
    WebElement insert = awaitEvent(roomA, "insert");
    assertEquals("test", insert.getDomAttribute("data-event"));
    assertTrue(insert.getText().contains("\"from\": \"the browser\""), insert.getText());

    sendUpdate(roomA, "{\"step\": 2}");
    assertTrue(resultText().contains("200 updated " + roomA), resultText());
    awaitEvent(roomA, "update");

    sendUpdate(roomB, "{\"room\": \"B\"}");
    awaitEvent(roomB, "insert");
    // A fence in room A after B's change: a leak of B's event into A would have arrived first.
    sendUpdate(roomA, "{\"fence\": true}");
    await("the fence in room A")
        .atMost(PATIENCE)
        .until(() -> events(roomA).stream().anyMatch(e -> e.getText().contains("\"fence\": true")));
    assertEquals(3, events(roomA).size(), "room A: its insert, update and fence only");
    assertEquals(1, events(roomB).size(), "room B: its own insert only");
    events(roomA).forEach(e -> assertTrue(e.getText().contains(roomA), e.getText()));
    // Hidden while empty, so its text is read from the DOM rather than as rendered.
    assertEquals(
        "0",
        page.findElement(By.id("other-count")).getDomProperty("textContent"),
        "no event outside the joined rooms");

    screenshot("rooms-and-events");

    // After leaving B, B's changes no longer reach the page at all (they would land in "Other").
    leave(roomB);
    sendUpdate(roomB, "{\"after\": \"leaving\"}");
    sendUpdate(roomA, "{\"fence\": 2}");
    await("the second fence in room A")
        .atMost(PATIENCE)
        .until(() -> events(roomA).stream().anyMatch(e -> e.getText().contains("\"fence\": 2")));
    assertEquals(
        "0",
        page.findElement(By.id("other-count")).getDomProperty("textContent"),
        "nothing from the room that was left");
  }

  @Test
  void aReconnectIsRecoveredAndTheChangeMadeMeanwhileArrivesOnce() throws Exception {
    page.get(stack.backendUrl() + "/");
    awaitAttribute(By.id("connection-state"), "data-state", "connected");
    String room = joinNewRoom();
    String fence = joinNewRoom();
    sendUpdate(room, "{\"step\": 1}");
    awaitEvent(room, "insert");

    // The transport drops; the change below is made while the page is away or reconnecting.
    page.executeScript("window.roomcast.socket.io.engine.close();");
    sendUpdate(room, "{\"step\": 2, \"while\": \"away\"}");
    awaitAttribute(By.id("catch-up"), "data-outcome", "recovered");
    awaitAttribute(By.id("connection-state"), "data-state", "connected");
    await("the change made while away")
        .atMost(PATIENCE)
        .until(
            () -> events(room).stream().anyMatch(e -> e.getText().contains("\"while\": \"away\"")));
    // A fence in the other room, after: a duplicate of the change made while away came before it.
    sendUpdate(fence, "{\"fence\": true}");
    awaitEvent(fence, "insert");
    assertEquals(2, events(room).size(), "each change once: " + text(roomCard(room)));
    assertTrue(text(By.id("catch-up")).contains("recovered"), text(By.id("catch-up")));
    screenshot("recovered");
  }

  @Test
  void showsRefusalsFromTheSocketServerAndTheBackend() throws Exception {
    page.get(stack.backendUrl() + "/");
    awaitAttribute(By.id("connection-state"), "data-state", "connected");

    page.findElement(By.id("room-uuid")).sendKeys("not-a-uuid");
    page.findElement(By.id("join-room")).click();
    await("the JoinRoom refusal")
        .atMost(PATIENCE)
        .until(() -> page.findElement(By.id("join-error")).isDisplayed());
    String joinError = text(By.id("join-error"));
    assertTrue(joinError.startsWith("JoinRoom refused:"), joinError);
    assertTrue(joinError.contains("\"not-a-uuid\": not a UUID"), joinError);
    assertTrue(page.findElements(By.cssSelector("[data-testid=room]")).isEmpty());

    sendUpdate(UUID.randomUUID().toString(), "{\"$set\": {\"x\": 1}}");
    awaitAttribute(By.id("update-result"), "data-outcome", "error");
    assertEquals("400: field name '$set' in body.data must not start with '$'", resultText());

    sendUpdate("", "{not json");
    assertTrue(resultText().startsWith("data is not valid JSON"), resultText());
    screenshot("refusals");
  }

  private static String joinNewRoom() {
    page.findElement(By.id("new-room-uuid")).click();
    String room = page.findElement(By.id("room-uuid")).getDomProperty("value");
    page.findElement(By.id("join-room")).click();
    await("the card of room " + room)
        .atMost(PATIENCE)
        .until(() -> !page.findElements(roomCard(room)).isEmpty());
    return room;
  }

  private static void leave(String room) {
    page.findElement(roomCard(room))
        .findElement(By.cssSelector("[data-testid=leave-room]"))
        .click();
    await("room " + room + " left")
        .atMost(PATIENCE)
        .until(() -> page.findElements(roomCard(room)).isEmpty());
  }

  /** Fills and submits the update form, then waits for its answer. */
  private static void sendUpdate(String uuid, String data) {
    WebElement result = page.findElement(By.id("update-result"));
    String before = result.getText();
    WebElement uuidInput = page.findElement(By.id("update-uuid"));
    uuidInput.clear();
    uuidInput.sendKeys(uuid);
    WebElement dataInput = page.findElement(By.id("update-data"));
    dataInput.clear();
    dataInput.sendKeys(data);
    page.findElement(By.id("update-submit")).click();
    await("the answer to the update")
        .atMost(PATIENCE)
        .until(() -> result.isDisplayed() && !result.getText().equals(before));
  }

  private static WebElement awaitEvent(String room, String operation) {
    By event = By.cssSelector("[data-testid=event][data-operation=" + operation + "]");
    return await(operation + " in room " + room)
        .atMost(PATIENCE)
        .until(() -> page.findElement(roomCard(room)).findElements(event), list -> !list.isEmpty())
        .get(0);
  }

  private static List<WebElement> events(String room) {
    return page.findElement(roomCard(room)).findElements(By.cssSelector("[data-testid=event]"));
  }

  private static By roomCard(String room) {
    return By.cssSelector("[data-testid=room][data-room='" + room + "']");
  }

  private static void awaitAttribute(By element, String attribute, String value) {
    await(element + " " + attribute + "=" + value)
        .atMost(PATIENCE)
        .until(() -> value.equals(page.findElement(element).getDomAttribute(attribute)));
  }

  private static String text(By element) {
    return page.findElement(element).getText();
  }

  private static String resultText() {
    return text(By.id("update-result"));
  }

  private static void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Path shot = page.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(
        shot, SCREENSHOTS.resolve("browser-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
