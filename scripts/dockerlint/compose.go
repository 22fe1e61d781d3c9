package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

// required finds the variables a compose file demands with ${NAME:?message} or ${NAME?message}.
var required = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*):?\?`)

// lintCompose loads one compose file as `docker compose config` would (schema, interpolation, references between
// services, networks and volumes) and checks that the build contexts, Dockerfiles and bind-mounted files it names
// exist. Variables the file requires are given placeholders, as an operator would set them.
func lintCompose(ctx context.Context, file string) ([]string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	env := os.Environ()
	for _, match := range required.FindAllStringSubmatch(string(data), -1) {
		if _, set := os.LookupEnv(match[1]); !set {
			env = append(env, match[1]+"=placeholder-for-lint")
		}
	}
	options, err := cli.NewProjectOptions([]string{file}, cli.WithEnv(env), cli.WithName("peilbot-lint"),
		cli.WithResolvedPaths(true), cli.WithConsistency(true))
	if err != nil {
		return nil, err
	}
	project, err := options.LoadProject(ctx)
	if err != nil {
		return nil, err
	}
	return append(missingFiles(project), shellHealthchecks(project)...), nil
}

// shellHealthchecks finds CMD-SHELL health checks that open /dev/tcp: Docker runs them with /bin/sh, which on Debian
// and Ubuntu images is dash, where /dev/tcp does not exist, so the check always fails and the service never turns
// healthy.
func shellHealthchecks(project *types.Project) []string {
	var problems []string
	for _, name := range sortedServices(project) {
		check := project.Services[name].HealthCheck
		if check != nil && len(check.Test) > 1 && check.Test[0] == "CMD-SHELL" &&
			strings.Contains(strings.Join(check.Test[1:], " "), "/dev/tcp/") {
			problems = append(problems, fmt.Sprintf("service %s: the CMD-SHELL health check uses /dev/tcp, which "+
				"/bin/sh (dash) lacks: run it with [\"CMD\", \"bash\", \"-c\", ...]", name))
		}
	}
	return problems
}

func sortedServices(project *types.Project) []string {
	names := make([]string, 0, len(project.Services))
	for name := range project.Services {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

func missingFiles(project *types.Project) []string {
	var problems []string
	for _, name := range sortedServices(project) {
		service := project.Services[name]
		if service.Build != nil {
			if !exists(service.Build.Context) {
				problems = append(problems, fmt.Sprintf("service %s: build context %s does not exist", name,
					service.Build.Context))
			}
			dockerfile := service.Build.Dockerfile
			if dockerfile != "" && !filepath.IsAbs(dockerfile) {
				dockerfile = filepath.Join(service.Build.Context, dockerfile)
			}
			if dockerfile != "" && !exists(dockerfile) {
				problems = append(problems, fmt.Sprintf("service %s: Dockerfile %s does not exist", name, dockerfile))
			}
		}
		for _, volume := range service.Volumes {
			if volume.Type == types.VolumeTypeBind && !exists(volume.Source) {
				problems = append(problems, fmt.Sprintf("service %s: bind mount source %s does not exist", name,
					volume.Source))
			}
		}
	}
	return problems
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
