package coop.tally.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ApiProblemMapper implements ExceptionMapper<ApiProblem> {

    @Override
    public Response toResponse(ApiProblem problem) {
        return Problems.response(problem);
    }
}
