package io.srecopilot.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CacheableSqlTest {

    @Test
    void layoutWhitespaceIsFoldedSoALongStatementStaysUnderTheCacheLimit() {
        String laidOut = """
                SELECT id
                  FROM signal
                 WHERE status = 'firing'
                """;
        assertEquals("SELECT id FROM signal WHERE status = 'firing'", CacheableSql.of(laidOut));
        String indented = "SELECT 1\n" + " ".repeat(CacheableSql.LIMIT) + "FROM t";
        assertEquals("SELECT 1 FROM t", CacheableSql.of(indented));
    }

    @Test
    void aStatementTheClientWouldNotCacheIsRefused() {
        String tooLong = "SELECT " + "x, ".repeat(CacheableSql.LIMIT / 3) + "1";
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> CacheableSql.of(tooLong));
        assertEquals(true, refused.getMessage().contains("would not be cached"));
    }

    @Test
    void aLineCommentIsRefusedSinceFoldingWouldMakeItSwallowTheRest() {
        assertThrows(IllegalArgumentException.class, () -> CacheableSql.of("""
                SELECT id -- the signal
                  FROM signal"""));
    }
}
