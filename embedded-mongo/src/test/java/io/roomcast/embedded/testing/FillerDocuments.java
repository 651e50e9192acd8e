package io.roomcast.embedded.testing;

import com.mongodb.reactivestreams.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Many small documents written in batches, to grow a change history to a given size. */
public final class FillerDocuments {
  private static final int BATCH = 1000;

  private FillerDocuments() {}

  /** Inserts {@code count} documents {@code {fill: i}}, {@value #BATCH} per insertMany. */
  public static void insert(MongoCollection<Document> items, int count) {
    for (int done = 0; done < count; done += BATCH) {
      List<Document> batch = new ArrayList<>();
      for (int i = done; i < Math.min(count, done + BATCH); i++) {
        batch.add(new Document("fill", i));
      }
      Reactive.one(items.insertMany(batch));
    }
  }
}
