package io.jenkins.plugins.containerrollout.core.router;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.containerrollout.core.analysis.ServerCounters;
import java.util.List;
import org.junit.Test;

/**
 * How {@code show stat} lines are read when they differ from Debian's HAProxy 2.6 (the real one is in
 * HaproxyCountersEngineTest): columns found by the header's names, quoted fields, older versions without a server
 * {@code req_tot}. The column names come from HAProxy's management guide, section 9.1.
 */
public class StatCsvTest {
    @Test
    public void columnsAreFoundByNameAndQuotedFieldsKeepTheirCommas() {
        String csv = "# svname,pxname,type,last_chk,req_tot,hrsp_2xx,hrsp_5xx,econ,wredis,eresp,rtime,addr\n"
                + "s1,web,2,\"HTTP status, 200\",12,10,2,1,3,4,7,127.0.0.1:21000\n"
                + "FRONTEND,web,0,,50,40,10,,,,,\n"
                + "s1,other,2,,99,99,0,0,0,0,1,127.0.0.1:22000\n";

        List<ServerCounters> servers = StatCsv.servers(csv, "web");

        assertEquals(List.of(new ServerCounters("s1", 21000, 12, 0, 10, 0, 0, 2, 0, 4, 4, 7, 0, 0, 0)), servers);
    }

    @Test
    public void withoutAServerReqTotRequestsAreItsResponsesAndBrokenOffOnes() {
        String csv = "# pxname,svname,type,hrsp_2xx,hrsp_4xx,hrsp_5xx,eresp,addr\n"
                + "web,s2,2,7,1,2,1,127.0.0.1:21001\n";

        assertEquals(11, StatCsv.servers(csv, "web").get(0).requests());
    }

    /** {@code scur}: what a replica taken out of the routing still serves, which a rollout waits for (Drain). */
    @Test
    public void requestsInFlightAreTheServersCurrentSessions() {
        String csv = "# pxname,svname,scur,type,req_tot,addr\n" + "web,s1,3,2,40,127.0.0.1:21000\n";

        assertEquals(3, StatCsv.servers(csv, "web").get(0).sessions());
    }
}
