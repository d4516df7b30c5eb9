package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;

public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {
    public BaseStandardCredentials(String id, String description) {
    }
}
