package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"

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
	return missingFiles(project), nil
}

func missingFiles(project *types.Project) []string {
	var problems []string
	names := make([]string, 0, len(project.Services))
	for name := range project.Services {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
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
