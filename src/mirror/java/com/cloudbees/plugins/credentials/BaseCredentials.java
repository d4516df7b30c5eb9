package com.cloudbees.plugins.credentials;

public class BaseCredentials implements Credentials {
    protected BaseCredentials() {
    }
}
