package dev.meshctl.simulator.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressBookTest {
  @TempDir Path dir;

  @Test
  void resolvesRegisteredAndMappedAddresses() throws Exception {
    AddressBook book = new AddressBook();
    book.register("10.0.1.10", "https://127.0.0.1:8001");
    Path map = dir.resolve("map.txt");
    Files.writeString(map, "# other process\n10.0.2.10   https://127.0.0.2:8000  # west\nCtl2.Example.internal http://127.0.0.2\n\n");
    book.load(map);
    assertEquals(Optional.of("https://127.0.0.1:8001"), book.resolve("10.0.1.10"));
    assertEquals(Optional.of("https://127.0.0.2:8000"), book.resolve(" 10.0.2.10 "));
    assertEquals(Optional.of("http://127.0.0.2:8000"), book.resolve("ctl2.example.INTERNAL"));
    assertTrue(book.resolve("10.9.9.9").isEmpty());
  }

  @Test
  void aMalformedMapNamesFileAndLine() throws Exception {
    Path map = dir.resolve("map.txt");
    Files.writeString(map, "10.0.2.10 https://127.0.0.2:8000\n10.0.3.10\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AddressBook().load(map));
    assertTrue(e.getMessage().contains("map.txt:2:"), e.getMessage());
    Files.writeString(map, "10.0.2.10 ftp://x\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new AddressBook().load(map)).getMessage().contains("map.txt:1:"));
  }
}
