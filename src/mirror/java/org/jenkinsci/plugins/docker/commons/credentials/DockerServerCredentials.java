package org.jenkinsci.plugins.docker.commons.credentials;

import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.util.Secret;

public class DockerServerCredentials extends BaseStandardCredentials {
    private DockerServerCredentials() {
        super(null, null);
    }

    public String getClientCertificate() {
        throw new UnsupportedOperationException("compile-only mirror");
    }

    public Secret getClientKeySecret() {
        throw new UnsupportedOperationException("compile-only mirror");
    }

    public String getServerCaCertificate() {
        throw new UnsupportedOperationException("compile-only mirror");
    }
}
