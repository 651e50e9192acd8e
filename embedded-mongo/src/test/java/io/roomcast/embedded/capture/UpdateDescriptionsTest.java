package io.roomcast.embedded.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateDescriptionsTest {
  private final Document before =
      new Document("_id", 1)
          .append("n", 1)
          .append("gone", true)
          .append("tags", List.of("a", "b"))
          .append("sub", new Document("x", 1));

  @Test
  void setReportsThePathOrItsFirstNewComponent() {
    Document after = before.cloneDeeply();
    ((Document) after.get("sub")).put("x", 2);
    after.put("fresh", new Document("deep", 1));
    Document update =
        new Document("$set", new Document("sub.x", 2).append("fresh.deep", 1).append("n", 1));
    Document description = UpdateDescriptions.describe(update, before, after);
    assertEquals(
        new Document("sub.x", 2).append("fresh", new Document("deep", 1)),
        description.get("updatedFields"),
        "unchanged n is not reported");
  }

  @Test
  void unsetAndPushAppend() {
    Document after = before.cloneDeeply();
    after.remove("gone");
    after.put("tags", List.of("a", "b", "c"));
    Document update =
        new Document("$unset", new Document("gone", "").append("never", ""))
            .append("$push", new Document("tags", "c"));
    Document description = UpdateDescriptions.describe(update, before, after);
    assertEquals(List.of("gone"), description.get("removedFields"));
    assertEquals(new Document("tags.2", "c"), description.get("updatedFields"));
  }

  @Test
  void pullReportsTheWholeArray() {
    Document after = before.cloneDeeply();
    after.put("tags", List.of("b"));
    Document update = new Document("$pull", new Document("tags", "a"));
    assertEquals(
        new Document("tags", List.of("b")),
        UpdateDescriptions.describe(update, before, after).get("updatedFields"));
  }

  @Test
  void aDocumentWithoutOperatorsIsAReplacement() {
    assertEquals(false, UpdateDescriptions.isOperatorUpdate(new Document("v", 1)));
    assertEquals(true, UpdateDescriptions.isOperatorUpdate(new Document("$set", new Document())));
  }
}
