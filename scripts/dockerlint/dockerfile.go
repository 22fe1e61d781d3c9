package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	"github.com/moby/buildkit/solver/pb"
	"github.com/opencontainers/go-digest"
	ocispecs "github.com/opencontainers/image-spec/specs-go/v1"
)

// lintDockerfile runs BuildKit's Dockerfile checks (the linter's rules and the errors a build would stop at) on one
// file, for every stage, as `docker build --check` does.
func lintDockerfile(ctx context.Context, file string) ([]string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	source := llb.Local("dockerfile")
	definition, err := source.Marshal(ctx)
	if err != nil {
		return nil, err
	}
	sourceMap := llb.NewSourceMap(&source, file, "Dockerfile", data)
	sourceMap.Definition = definition
	opt := dockerfile2llb.ConvertOpt{
		SourceMap:    sourceMap,
		MetaResolver: offlineImages{},
	}
	results, err := dockerfile2llb.DockerfileLint(ctx, data, opt)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(results.Warnings, func(i, j int) bool {
		return line(results.Warnings[i].Location) < line(results.Warnings[j].Location)
	})
	var problems []string
	for _, warning := range results.Warnings {
		problems = append(problems, fmt.Sprintf("line %d: %s: %s (%s)", line(warning.Location), warning.RuleName,
			warning.Detail, warning.URL))
	}
	if results.Error != nil {
		problems = append(problems, fmt.Sprintf("line %d: %s", line(&results.Error.Location),
			strings.TrimSpace(results.Error.Message)))
	}
	return problems, nil
}

func line(location *pb.Location) int {
	if location == nil || len(location.Ranges) == 0 {
		return 0
	}
	return int(location.Ranges[0].Start.Line)
}

// offlineImages answers BuildKit's look-up of a base image without a registry: an empty image for the platform
// asked for. The checks here are about the Dockerfile itself; whether a base image exists is the build's business.
type offlineImages struct{}

func (offlineImages) ResolveImageConfig(_ context.Context, ref string, opt sourceresolver.Opt) (string,
	digest.Digest, []byte, error) {
	platform := ocispecs.Platform{OS: "linux", Architecture: "amd64"}
	if opt.ImageOpt != nil && opt.ImageOpt.Platform != nil {
		platform = *opt.ImageOpt.Platform
	}
	config, err := json.Marshal(ocispecs.Image{
		Platform: platform,
		RootFS:   ocispecs.RootFS{Type: "layers", DiffIDs: []digest.Digest{digest.FromString(ref)}},
	})
	return ref, "", config, err
}
