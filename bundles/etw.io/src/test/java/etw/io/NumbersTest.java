package etw.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void numbersForPeople() {
        assertEquals("~0", Numbers.format(1.59e-13));
        assertEquals("0", Numbers.format(0));
        assertEquals("0", Numbers.format(-0.0));
        assertEquals("95,495", Numbers.format(95_495.4));
        assertEquals("1,234,568", Numbers.format(1_234_567.8));
        assertEquals("12.3", Numbers.format(12.34));
        assertEquals("1.56", Numbers.format(1.56));
        assertEquals("3", Numbers.format(3.0));
        assertEquals("0.935", Numbers.format(0.9349));
        assertEquals("-4.50", Numbers.format(-4.5));
        assertEquals("0.15", Numbers.plain(0.15));
        assertEquals("30", Numbers.plain(30.0));
        assertEquals("+1,200", Numbers.signed(1200));
        assertEquals("-0.250", Numbers.signed(-0.25));
    }
}
