namespace LunaFpr.Patches;

/// <summary>One input channel made from an int16 HU cube (SPEC §2.4); every channel has values in [0, 1].</summary>
public enum CubeChannel
{
    /// <summary>Lung window: HU clipped to [−1000, 400], mapped to [0, 1]. The default, usually alone.</summary>
    Lung,

    /// <summary>Mediastinal (soft-tissue) window: HU clipped to [−115, 185], mapped to [0, 1].</summary>
    Mediastinal,

    /// <summary>Contrast-limited adaptive histogram equalisation of the lung-windowed cube, per axial slice.</summary>
    Clahe,

    /// <summary>Raw HU mapped linearly from the cube's own minimum and maximum to [0, 1].</summary>
    MinMax,
}
