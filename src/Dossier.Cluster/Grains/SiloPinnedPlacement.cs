using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Dossier.Cluster.Grains;

/// <summary>Places a grain whose key is a silo's address (<see cref="SiloAddress.ToParsableString"/>) on that silo.</summary>
/// <remarks>The client spreads articles itself (it knows each silo's load and which silos are alive), so it must be able to
/// address one silo; Orleans' own placements choose for it. A key naming a silo that is no longer in the cluster fails the
/// activation, and with it the call, which the client answers by sending the article elsewhere.</remarks>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class SiloPinnedPlacement : PlacementStrategy
{
    /// <summary>The one instance.</summary>
    public static SiloPinnedPlacement Instance { get; } = new();
}

/// <summary>Marks a grain class as placed by <see cref="SiloPinnedPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloPinnedAttribute() : PlacementAttribute(SiloPinnedPlacement.Instance);

/// <summary>Chooses the silo a <see cref="SiloPinnedPlacement"/> grain's key names.</summary>
internal sealed class SiloPinnedDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        foreach (var silo in context.GetCompatibleSilos(target))
            if (silo.ToParsableString() == key) return Task.FromResult(silo);
        throw new OrleansException($"silo {key} is not in the cluster (an article for it goes to another silo)");
    }
}
