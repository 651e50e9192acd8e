package io.roomcast.e2e.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roomcast.e2e.deploy.RepoRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README's and the docs' configuration tables equal what the declared settings generate. To update
 * them after changing a declaration: {@code mvn -pl e2e -am test -Dtest=ConfigTablesTest
 * -Droomcast.docs.write=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ConfigTablesTest {
  private static final List<String> FILES =
      List.of("README.md", "docs/socket-server.md", "docs/backend.md", "docs/embedded-mongo.md");

  @Test
  void everyTableIsTheGeneratedOne() throws IOException {
    boolean write = Boolean.getBoolean("roomcast.docs.write");
    for (String name : FILES) {
      Path file = RepoRoot.file(name);
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertTrue(ConfigTables.count(text) > 0, name + " has no <!-- settings: … --> table");
      String generated = ConfigTables.regenerate(text);
      if (write) {
        Files.writeString(file, generated, StandardCharsets.UTF_8);
      } else {
        assertEquals(
            generated,
            text,
            name
                + "'s configuration table differs from the declared settings; regenerate it "
                + "(see this test's Javadoc)");
      }
    }
  }

  @Test
  void readmeListsEverySetting() throws IOException {
    String readme = Files.readString(RepoRoot.file("README.md"), StandardCharsets.UTF_8);
    String generated = ConfigTables.regenerate(readme);
    ConfigTables.COMPONENTS.values().stream()
        .flatMap(List::stream)
        .forEach(
            setting ->
                assertTrue(
                    generated.contains("| `" + setting.name() + "` |"),
                    "README's table does not cover the component declaring " + setting.name()));
  }
}
