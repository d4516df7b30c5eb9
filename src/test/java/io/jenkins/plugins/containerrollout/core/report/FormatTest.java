package io.jenkins.plugins.containerrollout.core.report;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class FormatTest {
    @Test
    public void writesCoordinatesWithOneDecimal() {
        assertEquals("0.0", Format.px(0));
        assertEquals("12.3", Format.px(12.34));
        assertEquals("12.4", Format.px(12.35));
        assertEquals("-0.5", Format.px(-0.49));
        assertEquals("1120.0", Format.px(1120));
    }

    @Test
    public void writesDurationsInTheLargestSensibleUnit() {
        assertEquals("850 ms", Format.duration(850));
        assertEquals("12.4 s", Format.duration(12_400));
        assertEquals("3 min 05 s", Format.duration(185_000));
        assertEquals("2 h 01 min", Format.duration(7_260_000));
        assertEquals("\u2013", Format.duration(-1));
    }

    @Test
    public void writesDaysFromTwoDaysOn() {
        assertEquals("47 h 59 min", Format.duration(172_740_000));
        assertEquals("3.5 days", Format.duration(302_400_000));
    }

    @Test
    public void shortensDigestsButKeepsTheAlgorithm() {
        assertEquals("sha256:0123456789ab", Format.shortDigest("sha256:0123456789abcdef0123"));
        assertEquals("short", Format.shortDigest("short"));
        assertEquals("sha256:0123456789ab", Format.shortDigest("127.0.0.1:5000/web@sha256:0123456789abcdef0123"));
    }
}
