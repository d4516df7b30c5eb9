package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServlet;

public class Stapler extends HttpServlet {
    /** Null, as the real one is on a thread that serves no HTTP request (tests never serve one). */
    public static StaplerRequest2 getCurrentRequest2() {
        return null;
    }
}
