package hudson.model;

public class Api extends AbstractModelObject {
    public Api(Object bean) {
    }
}
